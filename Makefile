# Quickstart: `make run` (install + run all stages on seeds/) and `make test`.
# Needs only Python 3.11 and pip; everything else is installed into .venv/.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(EXTRAS)
EXTRAS ?= dev,dask,train,serve
INPUT  ?= seeds
OUT    ?= data

.PHONY: install run test eval report serve notebook bench bench-quotes bench-entities bench-speakers clean-data

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/pipeline run all --input $(INPUT) --out $(OUT)

test: install
	$(BIN)/python -m pytest -q -p no:cacheprovider

eval: install
	$(BIN)/pipeline eval --out $(OUT)

report: install
	$(BIN)/pipeline report --out $(OUT)

serve: install
	$(BIN)/pipeline serve --out $(OUT)

notebook: install
	$(BIN)/python -m pip install --quiet -e '.[dev,notebook]'
	$(BIN)/jupyter lab notebooks/explore.ipynb

bench:
	$(MAKE) install EXTRAS=dev,dask,bench
	$(BIN)/python benchmarks/throughput.py --dask $(BENCH_ARGS)

# Quote attribution on PolNeAR dev, side by side with textacy (needs ../shared/data).
bench-quotes:
	$(MAKE) install EXTRAS=dev,dask,bench
	$(BIN)/python benchmarks/quote_attribution.py --split dev

# Entity precision/recall on 50 hand-labeled BBC sentences, bare model vs. rules.
bench-speakers: install
	$(BIN)/python benchmarks/speaker_identity.py

bench-entities: install
	$(BIN)/python benchmarks/bbc_entity_sample.py

clean-data:
	rm -rf $(OUT)/*.parquet $(OUT)/_claimex $(OUT)/docs.spacy $(OUT)/docs.index.json $(OUT)/manifest.json $(OUT)/run.json $(OUT)/report $(OUT)/exports
