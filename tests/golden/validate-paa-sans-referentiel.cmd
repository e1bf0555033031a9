validate --sans-referentiel examples/provence-alpes-agglomeration
