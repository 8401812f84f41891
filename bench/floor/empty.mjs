// Node start-up: an ES module that does nothing. The report subtracts its median from every path
// for the ratios "over Node start-up".
