"""Training the two learned heads the on-device reader ships (`make train`).

    python -m training.classifier   # tidewise/analysis/data/head.npz and its README.md
    python -m training.safety       # tidewise/analysis/data/safety_head.npz

This package is not part of Tidewise at run time: it is not in the wheel, it needs the
`train` extra (scikit-learn), and nothing in `tidewise/` imports it (an import-linter
contract in pyproject.toml keeps it so). It imports `tidewise.analysis` to read text
exactly as the journal does, and writes the weight files the runtime loads with numpy
alone. Run it from the repository root, as `make train` does.
"""
