"""Personal data: the access log, client addresses, private uploads and their downloads, exports."""
