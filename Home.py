"""Entry: the landing page for visitors, a redirect to the Workbench for signed-in users."""

import streamlit as st

st.set_page_config(page_title="Job Assistant AI", page_icon="🧭", layout="wide")
st.title("Job Assistant AI")
