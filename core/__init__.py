"""The application: domain rules and use cases. Never imports streamlit."""
