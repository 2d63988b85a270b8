"""Graph layer: document identity, the embedded store, lineage and gap queries."""
