referentiel --epci 240500439 -f csv
