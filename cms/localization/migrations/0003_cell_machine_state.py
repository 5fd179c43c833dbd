from django.db import migrations, models


class Migration(migrations.Migration):
    """A matrix cell may say "machine, not reviewed" (translations with machine-translated
    segments nobody has reviewed yet)."""

    dependencies = [
        ("localization", "0002_status_refreshed_label"),
    ]

    operations = [
        migrations.AlterField(
            model_name="translationcell",
            name="state",
            field=models.CharField(
                choices=[
                    ("source", "Source"),
                    ("missing", "Missing"),
                    ("in_progress", "In progress"),
                    ("machine", "Machine, not reviewed"),
                    ("up_to_date", "Up to date"),
                    ("outdated", "Outdated"),
                ],
                max_length=16,
                verbose_name="state",
            ),
        ),
    ]
