render examples/commune-seule --format html
