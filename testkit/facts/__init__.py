"""The grounding evaluation corpus: fictional people, their documents as PDFs, tailored lines and coverage labels."""
