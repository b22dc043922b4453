"""The LLM layer: a model registry (configuration) and one client for every OpenAI-compatible provider."""
