"""Renderings for people: lineage browser and province gap reports."""
