"""Open data: public exports of the funding-partner database and of the public agreements
(CSV, XLSX, JSON and IATI activity XML), and the officers' full-record exports."""
