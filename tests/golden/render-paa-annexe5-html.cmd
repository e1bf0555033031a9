render examples/provence-alpes-agglomeration --part annexe-5 --format html
