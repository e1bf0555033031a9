referentiel --epci 200067437
