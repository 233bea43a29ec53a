"""Exercise content: validated models (model.py) and the YAML loader (loader.py)."""
