# The two commands of README.md; everything else is what they call.
.PHONY: run test lint setup
run:
	@bash scripts/run.sh
test:
	@bash scripts/test.sh
lint:
	@bash scripts/lint.sh
setup:
	@bash scripts/setup.sh
