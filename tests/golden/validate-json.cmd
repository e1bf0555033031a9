validate -f json tests/cases/regle-epci-rpe.yaml tests/cases/cle-inconnue.yaml
