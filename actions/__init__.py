"""rasa-sdk actions: thin adapters that read slots, ask knowledge/, and format replies."""
