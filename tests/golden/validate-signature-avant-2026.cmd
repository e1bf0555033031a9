validate --stage signature --at 2025-12-31 tests/cases/regle-epci-rpe.yaml
