coverage examples/commune-seule --format json --cible 70
