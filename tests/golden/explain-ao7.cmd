explain AO-7
