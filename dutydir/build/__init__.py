"""The MkDocs side: thin hooks, charts rendered to SVG, the search index, Pagefind, and atomic publishing."""
