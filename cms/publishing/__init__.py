"""How the site's pages are published and announced: the editorial workflow of opportunities
(an editor submits, a communications lead approves), and what search engines, feed readers and
social networks learn about each public page (metadata, hreflang, JSON-LD, sitemaps, Atom
feeds).

It sits above the page types (it names them) and below nothing: the ground floor
(`cms.core`) keeps only what every app needs, such as which pages are public
(`cms.core.visibility`) and the site's roles (`cms.core.roles`), which tell this app, through
the `roles_synced` signal, when the leads' group is ready to approve.
"""
