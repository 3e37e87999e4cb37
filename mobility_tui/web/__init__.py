"""The page textual-serve gives the browser: our own template, no asset from the internet."""
