validate -f sarif tests/cases/regle-epci-rpe.yaml tests/cases/cle-inconnue.yaml tests/cases/yaml-crochet.yaml
