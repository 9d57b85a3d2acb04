"""The payment ledger: one ``LedgerEntry`` table for all public money (DESIGN.md §6).

Apps derive rows through ``services.ledger_entry_record`` and say what their evidence rows are
(and who is paid) with ``sources.register_ledger_source`` from their ``AppConfig.ready()``.
"""
