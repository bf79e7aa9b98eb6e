"""Deployment of Tally's one code location on Kubernetes (see deploy/README.md)."""
