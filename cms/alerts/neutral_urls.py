"""Language-neutral addresses (outside /<language>/), included at the top of cms/urls.py."""

urlpatterns = []
