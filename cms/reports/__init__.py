"""Figures and reports of the agreements archive: the statistics page with its charts and
data downloads, the list of the agreements of a period, and the admin dashboard panel."""
