"""Faces over the query layer: the command line and the HTTP API."""
