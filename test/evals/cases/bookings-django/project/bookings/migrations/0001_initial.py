from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Clinic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200)),
                ("timezone", models.CharField(default="Europe/Berlin", max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name="Patient",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("full_name", models.CharField(max_length=200)),
                ("phone", models.CharField(blank=True, max_length=40)),
                ("clinic", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="patients", to="bookings.clinic")),
            ],
        ),
        migrations.CreateModel(
            name="Room",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("label", models.CharField(max_length=40)),
                ("clinic", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="rooms", to="bookings.clinic")),
            ],
        ),
        migrations.CreateModel(
            name="Therapist",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200)),
                ("active", models.BooleanField(default=True)),
                ("clinic", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="therapists", to="bookings.clinic")),
            ],
        ),
        migrations.CreateModel(
            name="Booking",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("starts_at", models.DateTimeField()),
                ("ends_at", models.DateTimeField()),
                ("status", models.CharField(choices=[("booked", "Booked"), ("cancelled", "Cancelled"), ("done", "Done")], default="booked", max_length=16)),
                ("clinic", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="bookings.clinic")),
                ("patient", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="bookings.patient")),
                ("room", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="bookings.room")),
                ("therapist", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="bookings.therapist")),
            ],
        ),
    ]
