"""The investment projects 2024–2025: projects, target numbers, progress and charts."""
