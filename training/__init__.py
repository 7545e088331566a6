"""Training what the on-device reader and safety screen ship (`make train`).

    python -m training.classifier       # tidewise/analysis/data/head.npz and its README.md
    python -m training.safety_encoder   # data/safety_encoder.onnx and data/safety_head.npz
    python -m training.safety --out F   # the linear safety layer (head 1.3), for comparison

This package is not part of Tidewise at run time: it is not in the wheel, it needs the
`train` extra (scikit-learn; the encoder also the `encoder` extra, torch), and nothing
in `tidewise/` imports it (an import-linter
contract in pyproject.toml keeps it so). It imports `tidewise.analysis` to read text
exactly as the journal does, and writes the weight files the runtime loads with numpy
alone. Run it from the repository root, as `make train` does.
"""
