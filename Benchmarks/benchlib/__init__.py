"""The benchmark harness: each module measures one thing, `run.py` runs them all."""
