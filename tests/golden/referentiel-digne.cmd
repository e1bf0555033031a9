referentiel 04070
