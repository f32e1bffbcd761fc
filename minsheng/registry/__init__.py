"""Registries kept by the social work department (DESIGN.md §1.6): one Django app per registry.

``associations`` (行业协会商会), ``twonew`` (两新组织 and their party organizations) and
``newemployment`` (新就业群体); shared here: ``credit_code`` (统一社会信用代码) and the registry home.
"""
