"""Building blocks of sample_maps/generate.py: a synthetic Vietnamese commune and its changes."""
