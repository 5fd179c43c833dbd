"""What the public pages show, built apart from the page models.

Page models sit below what they show: the modules here import the models they serve and
register their builders with `registry`; a page asks the registry for its context (and for the
answer to a form's POST) and never imports the code that builds it, so no model depends on its
views. The builders of this app register when it is ready (`PagesConfig.ready`); a feature app
adds to a page of this app the same way (`cms.interest` gives OpportunityPage its form).

This package imports nothing itself: importing the registry must not import the builders.
"""
