coverage examples/provence-alpes-agglomeration --csv-fr
