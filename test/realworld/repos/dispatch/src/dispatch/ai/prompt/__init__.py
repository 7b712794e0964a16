# This file makes the prompt directory a Python package
