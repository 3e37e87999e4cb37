"""Reading and validating the data files, and building the database from them."""
