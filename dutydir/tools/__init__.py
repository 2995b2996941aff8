"""The clerk's tools: editing the data file in place, comparing versions, and synthetic datasets."""
