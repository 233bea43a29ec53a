"""Everything that draws on a terminal: rich output and questionary prompts.

The only package that imports rich, questionary or prompt_toolkit.
"""
