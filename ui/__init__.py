"""Streamlit helpers shared by Home.py and the pages: the signed-in user, translations, layout.

UI only: these call core use cases and never touch SQL or an LLM.
"""
