"""Reading and checking a unit's data file: field types with exact positions, the file's declared shape, the loader, and sites of several units."""
