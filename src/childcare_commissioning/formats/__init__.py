"""Published sector formats the library reads and writes (each an optional extra)."""
