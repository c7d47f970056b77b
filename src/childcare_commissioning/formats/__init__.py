"""Published data formats the library reads and writes (each an optional extra, imported
only when used): see the handbook's *Formats* pages for each mapping, field by field."""
