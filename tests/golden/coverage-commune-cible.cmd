coverage examples/commune-seule --cible 70
