from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "minsheng.petitions"
    label = "petitions"
    verbose_name = _("信访")

    def ready(self):
        from minsheng.petitions import retention, subject_access  # noqa: F401 (they register their parts)
        from minsheng.petitions.textsource import SOURCE
        from minsheng.textmine import sources

        sources.register(SOURCE)
        from minsheng.petitions import exports  # noqa: F401 (registers its list's export)

        self._forget_proposal_labels_on_change()

    def _forget_proposal_labels_on_change(self):
        from django.db.models.signals import post_delete, post_save

        from minsheng.orgs.models import Unit
        from minsheng.petitions.models import Category
        from minsheng.petitions.services.proposals import forget_label_objects

        for model in (Category, Unit):
            post_save.connect(
                forget_label_objects, sender=model, dispatch_uid=f"proposal-labels-{model.__name__}"
            )
            post_delete.connect(
                forget_label_objects, sender=model, dispatch_uid=f"proposal-labels-del-{model.__name__}"
            )
